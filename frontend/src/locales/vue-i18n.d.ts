import type { MessageSchema } from './index'

declare module 'vue-i18n' {
  // Typed keys for t() across the app.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends MessageSchema {}
}
