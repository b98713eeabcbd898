import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { Field } from '../inspector/widgets/Field';
import { useAppStore } from '../store/app-store';
import { say } from '../i18n/words';

type Platform = 'shopify' | 'woocommerce';

const LABELS: Record<Platform, MessageId> = {
  shopify: 'server.shops.shopify',
  woocommerce: 'server.shops.woocommerce',
};

/** One shop's signing secret: typed once, kept by the engine, never shown again. */
function ShopSecret({ platform, kept }: { platform: Platform; kept: boolean }) {
  const t = useT();
  const store = useAppStore();
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `shop-secret-${platform}`;

  const save = async (clear: boolean) => {
    if (busy || (!clear && secret.trim() === '')) return;
    setBusy(true);
    const outcome = await store
      .getState()
      .saveShopSecret(clear ? { platform, clear: true } : { platform, secret: secret.trim() });
    setBusy(false);
    if (outcome.ok) {
      setSecret('');
      setProblem(null);
    } else setProblem(say(t, outcome.error));
  };

  return (
    <Field
      id={id}
      label={t(LABELS[platform])}
      help={t(kept ? 'server.shops.kept' : 'server.shops.none')}
      errors={problem ? [problem] : []}
    >
      <div className="button-row">
        <input
          id={id}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-help`}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
        <button
          type="button"
          className="button"
          data-testid={`${id}-save`}
          aria-disabled={busy || secret.trim() === '' || undefined}
          onClick={() => void save(false)}
        >
          {t('server.shops.save')}
        </button>
        {kept && (
          <button
            type="button"
            className="button is-quiet"
            data-testid={`${id}-forget`}
            aria-disabled={busy || undefined}
            onClick={() => void save(true)}
          >
            {t('server.shops.forget')}
          </button>
        )}
      </div>
    </Field>
  );
}

/** The shops' webhook secrets the engine on this computer checks signatures with. */
export function ShopSecrets({ kept }: { kept: Record<Platform, boolean> }) {
  const t = useT();
  return (
    <div className="shop-secrets" role="group" aria-labelledby="shop-secrets-title">
      <h4 className="section-subtitle" id="shop-secrets-title">
        {t('server.shops.title')}
      </h4>
      <p className="settings-help">{t('server.shops.intro')}</p>
      <ShopSecret platform="shopify" kept={kept.shopify} />
      <ShopSecret platform="woocommerce" kept={kept.woocommerce} />
    </div>
  );
}
