import { App, Form, Modal } from 'antd';
import type { Store } from 'antd/es/form/interface';
import { type ReactNode, useState } from 'react';

export type SettingsEditorModalProps<F> = {
  title: string;
  /** Shown once the save succeeded. */
  savedMessage: string;
  testIds: { save: string; form: string };
  initialValues: Store;
  save: (values: F) => Promise<unknown>;
  onClose: (saved: boolean) => void;
  /** The form's items. */
  children: ReactNode;
};

/** The dialog that creates or edits one thing of a settings list: validates, saves, says so or shows the error. */
export function SettingsEditorModal<F>({ title, savedMessage, testIds, initialValues, save, onClose, children }: SettingsEditorModalProps<F>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<F>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await save(values);
      message.success(savedMessage);
      onClose(true);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={title}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': testIds.save } as never}
    >
      <Form<F> form={form} layout="vertical" initialValues={initialValues} data-testid={testIds.form}>
        {children}
      </Form>
    </Modal>
  );
}
