// What the app keeps in localStorage for one signed-in user (such as an unfinished appeal) is
// stored under `weiquan.<name>.<user_id>`. Signing out on purpose removes all of it, so the
// next person at a shared computer does not find it; a session that merely expired keeps it
// (the same person signs in again and carries on).

export function userStorageKey(name: string, userId: number): string {
  return `weiquan.${name}.${userId}`;
}

/** Removes every `weiquan.<name>.<userId>` entry. */
export function clearUserStorage(userId: number): void {
  try {
    const pattern = new RegExp(`^weiquan\\.[A-Za-z0-9_-]+\\.${userId}$`);
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key && pattern.test(key)) keys.push(key);
    }
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}
