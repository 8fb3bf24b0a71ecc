export const ACTIVITY_COLORS: Record<string, string> = {
  note: 'blue',
  call: 'green',
  meeting: 'purple',
  task: 'orange',
  email: 'cyan',
};
