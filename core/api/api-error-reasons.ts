/**
 * Why a call was refused or failed, one stable reason each, so an app can word the error in its
 * own language from the reason and the error's values (`ApiErrorBody.reason`, `.values`). The
 * English `message` beside them stays for the command line and for apps that predate a reason.
 * A reason is never renamed: apps of other versions read it.
 */
export const API_ERROR_REASONS = ['invalid-input'] as const;
export type ApiErrorReason = (typeof API_ERROR_REASONS)[number];
