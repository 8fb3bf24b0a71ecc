import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Quote, quotesApi } from './quotes-api';

type Props = { quote: Quote; open: boolean; onClose: () => void; onSent: (quote: Quote) => void };
type Values = { to?: string; message?: string; locale: 'zh-CN' | 'en' };

/** E-mails the quote's PDF: to its contact unless another address is given, in the chosen language. */
export function QuoteEmailDialog({ quote, open, onClose, onSent }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const send = async () => {
    const values = await form.validateFields();
    try {
      const sent = await quotesApi.email(quote.id, {
        locale: values.locale,
        ...(values.to?.trim() ? { to: values.to.trim() } : {}),
        ...(values.message?.trim() ? { message: values.message.trim() } : {}),
      });
      message.success(t('quotes.email.queued', { to: sent.to }));
      onSent(sent.quote);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open={open}
      title={t('quotes.email.title', { number: quote.number })}
      okText={t('quotes.email.send')}
      onOk={send}
      onCancel={onClose}
      okButtonProps={{ id: 'quote-email-send' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ locale: i18n.language.startsWith('en') ? 'en' : 'zh-CN' }} preserve={false}>
        <Form.Item
          name="to"
          label={t('quotes.email.to')}
          extra={quote.contact ? t('quotes.email.toDefault', { name: quote.contact.name }) : undefined}
          rules={[{ type: 'email' }]}
        >
          <Input placeholder={quote.contact?.name ?? ''} data-testid="quote-email-to" />
        </Form.Item>
        <Form.Item name="locale" label={t('quotes.email.language')}>
          <Radio.Group
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item name="message" label={t('quotes.email.message')}>
          <Input.TextArea rows={3} data-testid="quote-email-message" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
