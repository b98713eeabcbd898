import { useEffect, useState } from 'react';
import type { CompiledEmail } from '../../core/email-design/compile-design';
import type { EmailDesign } from '../../core/email-design/design-schema';

type Compile = (design: EmailDesign) => Promise<CompiledEmail>;
let compiler: Promise<Compile> | undefined;

/** MJML and the HTML-to-text converter are loaded when the first design is compiled, not with the app. */
function loadCompiler(): Promise<Compile> {
  compiler ??= import('../../core/email-design/compile-design').then((m) => m.compileDesign);
  return compiler;
}

/** How long typing pauses before the email is compiled again. */
const SETTLE_MS = 150;

/**
 * The design compiled to HTML and plain text (library images as `cid:` references), for the
 * design as it is now: `undefined` until the first compile, then the latest, with the design it
 * belongs to.
 */
export function useCompiledDesign(
  design: EmailDesign | undefined,
):
  | { design: EmailDesign; email: CompiledEmail }
  | { design: EmailDesign; error: string }
  | undefined {
  const [result, setResult] = useState<
    { design: EmailDesign; email: CompiledEmail } | { design: EmailDesign; error: string }
  >();
  useEffect(() => {
    if (!design) return;
    let current = true;
    const timer = setTimeout(() => {
      loadCompiler()
        .then((compile) => compile(design))
        .then(
          (email) => current && setResult({ design, email }),
          (error: unknown) => current && setResult({ design, error: String(error) }),
        );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [design]);
  return result;
}
