export async function seedDemoData(..._args: unknown[]) { return { companies: 0, contacts: 0, activities: 0, users: 0 }; }
