import { useI18n } from 'vue-i18n'

/**
 * Text on the printed sheet. A form issued by the bureau is a Chinese official document whatever
 * language the screen is in, so the sheet always reads zh-CN; the toolbar follows the UI locale.
 */
export function useSheetText() {
  const { t } = useI18n()
  const translate = t as unknown as (key: string, named: Record<string, unknown>, options: { locale: string }) => string
  return (key: string, named: Record<string, unknown> = {}) => translate(`print.sheet.${key}`, named, { locale: 'zh-CN' })
}
