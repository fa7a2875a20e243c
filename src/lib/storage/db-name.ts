/** The name of this app's database on a device. */
export const DB_NAME = 'peer-work-readiness';
