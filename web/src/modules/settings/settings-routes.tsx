export function SettingsRoutes() {
  return null;
}
