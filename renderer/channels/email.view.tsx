import { truncate } from '../../core/channels/channel-definition';
import { isMailbox, type EmailConfig } from '../../core/channels/email.channel';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import {
  textOf,
  type ChannelView,
  type PreviewProps,
  type StoredMessageProps,
} from './channel-view';
import { EmailComposer } from './EmailComposer';
import { EmailFrame } from './EmailFrame';
import { RenderedText } from './RenderedText';
import { renderFailureText } from './render-failure-words';

const UNSUBSCRIBE = '<a href="{{ unsubscribe_url }}">Unsubscribe</a>';

function EmailPreview({ config, rendered, profile }: PreviewProps) {
  const t = useT();
  const formats = useFormats();
  const from = typeof config.from === 'string' ? config.from : undefined;
  return (
    <div className="preview-email">
      <dl className="preview-meta">
        <dt>{t('channel.email.from')}</dt>
        <dd>{from ?? ''}</dd>
        <dt>{t('channel.email.to')}</dt>
        <dd>{typeof profile.email === 'string' ? profile.email : '—'}</dd>
        <dt>{t('channel.email.subject')}</dt>
        <dd className="preview-subject">
          <RenderedText value={rendered.subject} field="subject" />
        </dd>
      </dl>
      {rendered.html?.ok === false ? (
        <p className="preview-error">
          {rendered.html.problem
            ? renderFailureText(t, formats, rendered.html, 'html')
            : t('channel.email.bodyError', {
                error: renderFailureText(t, formats, rendered.html, 'html'),
              })}
        </p>
      ) : (
        <EmailFrame
          className="preview-frame"
          title={t('channel.email.bodyPreview')}
          html={rendered.html?.text ?? ''}
          testId="preview-frame"
        />
      )}
      {rendered.text && (
        <details className="preview-text">
          <summary>{t('channel.email.plainText')}</summary>
          <pre>
            <RenderedText value={rendered.text} field="text" />
          </pre>
        </details>
      )}
      {from !== undefined && !isMailbox(from) && (
        <p className="preview-error">{t('channel.email.senderInvalid')}</p>
      )}
    </div>
  );
}

function OutboxSender({ content }: StoredMessageProps) {
  const t = useT();
  const from = textOf(content, 'from') ?? '';
  return (
    <>
      <dt>{t('channel.email.from')}</dt>
      <dd data-testid="outbox-from">{from}</dd>
    </>
  );
}

function OutboxMeta({ content }: StoredMessageProps) {
  const t = useT();
  const replyTo = textOf(content, 'replyTo');
  const subject = textOf(content, 'subject') ?? '';
  return (
    <>
      {replyTo && (
        <>
          <dt>{t('channel.email.replyTo')}</dt>
          <dd>{replyTo}</dd>
        </>
      )}
      <dt>{t('channel.email.subject')}</dt>
      <dd className="preview-subject" data-testid="outbox-subject">
        {subject}
      </dd>
    </>
  );
}

function OutboxBody({ content }: StoredMessageProps) {
  const t = useT();
  const html = textOf(content, 'html') ?? '';
  const plain = textOf(content, 'text');
  return (
    <>
      <EmailFrame
        className="outbox-frame"
        title={t('channel.email.frameTitle', { subject: textOf(content, 'subject') ?? '' })}
        html={html}
        testId="outbox-frame"
      />
      {plain && (
        <details className="preview-text">
          <summary>{t('channel.email.plainText')}</summary>
          <pre>{plain}</pre>
        </details>
      )}
    </>
  );
}

function TraceBody({ content, subject }: StoredMessageProps & { subject: string }) {
  const t = useT();
  const html = textOf(content, 'html') ?? '';
  return (
    <EmailFrame
      className="preview-frame"
      title={t('channel.email.frameTitle', { subject })}
      html={html}
      testId="trace-frame"
    />
  );
}

export const emailView: ChannelView = {
  tag: 'Email',
  name: (t) => t('channel.email'),
  cardText: (config: EmailConfig) => truncate(config.subject),
  colour: '#2563eb',
  defaults: {
    channel: 'email',
    from: 'hello@example.com',
    subject: 'Hello {{ profile.first_name | default: "there" }}',
    html: `<p>Hi {{ profile.first_name | default: "there" }},</p>\n<p>${UNSUBSCRIBE}</p>`,
  },
  addressWords: (t) => t('channel.email.address'),
  Composer: EmailComposer,
  hiddenFields: (config) => (config.design !== undefined ? ['html', 'text'] : []),
  Preview: EmailPreview,
  OutboxSender,
  OutboxMeta,
  OutboxBody,
  TraceBody,
};
