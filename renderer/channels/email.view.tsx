import { isMailbox } from '../../core/channels/email.channel';
import {
  textOf,
  type ChannelView,
  type PreviewProps,
  type StoredMessageProps,
} from './channel-view';
import { EmailComposer } from './EmailComposer';
import { EmailFrame } from './EmailFrame';
import { RenderedText } from './RenderedText';

const UNSUBSCRIBE = '<a href="{{ unsubscribe_url }}">Unsubscribe</a>';

function EmailPreview({ config, rendered, profile }: PreviewProps) {
  const from = typeof config.from === 'string' ? config.from : undefined;
  return (
    <div className="preview-email">
      <dl className="preview-meta">
        <dt>From</dt>
        <dd>{from ?? ''}</dd>
        <dt>To</dt>
        <dd>{typeof profile.email === 'string' ? profile.email : '—'}</dd>
        <dt>Subject</dt>
        <dd className="preview-subject">
          <RenderedText value={rendered.subject} />
        </dd>
      </dl>
      {rendered.html?.ok === false ? (
        <p className="preview-error">Body: {rendered.html.error}</p>
      ) : (
        <EmailFrame
          className="preview-frame"
          title="Email body preview"
          html={rendered.html?.text ?? ''}
          testId="preview-frame"
        />
      )}
      {rendered.text && (
        <details className="preview-text">
          <summary>Plain-text version</summary>
          <pre>
            <RenderedText value={rendered.text} />
          </pre>
        </details>
      )}
      {from !== undefined && !isMailbox(from) && (
        <p className="preview-error">The sender is not an email address yet.</p>
      )}
    </div>
  );
}

function OutboxSender({ content }: StoredMessageProps) {
  return (
    <>
      <dt>From</dt>
      <dd data-testid="outbox-from">{textOf(content, 'from') ?? ''}</dd>
    </>
  );
}

function OutboxMeta({ content }: StoredMessageProps) {
  const replyTo = textOf(content, 'replyTo');
  return (
    <>
      {replyTo && (
        <>
          <dt>Reply to</dt>
          <dd>{replyTo}</dd>
        </>
      )}
      <dt>Subject</dt>
      <dd className="preview-subject" data-testid="outbox-subject">
        {textOf(content, 'subject') ?? ''}
      </dd>
    </>
  );
}

function OutboxBody({ content }: StoredMessageProps) {
  const html = textOf(content, 'html') ?? '';
  const plain = textOf(content, 'text');
  return (
    <>
      <EmailFrame
        className="outbox-frame"
        title={`Email: ${textOf(content, 'subject') ?? ''}`}
        html={html}
        testId="outbox-frame"
      />
      {plain && (
        <details className="preview-text">
          <summary>Plain-text version</summary>
          <pre>{plain}</pre>
        </details>
      )}
    </>
  );
}

function TraceBody({ content, subject }: StoredMessageProps & { subject: string }) {
  return (
    <EmailFrame
      className="preview-frame"
      title={`Email: ${subject}`}
      html={textOf(content, 'html') ?? ''}
      testId="trace-frame"
    />
  );
}

export const emailView: ChannelView = {
  tag: 'Email',
  colour: '#2563eb',
  defaults: {
    channel: 'email',
    from: 'hello@example.com',
    subject: 'Hello {{ profile.first_name | default: "there" }}',
    html: `<p>Hi {{ profile.first_name | default: "there" }},</p>\n<p>${UNSUBSCRIBE}</p>`,
  },
  addressWords: 'email address',
  Composer: EmailComposer,
  hiddenFields: (config) => (config.design !== undefined ? ['html', 'text'] : []),
  Preview: EmailPreview,
  OutboxSender,
  OutboxMeta,
  OutboxBody,
  TraceBody,
};
