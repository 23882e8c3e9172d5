/** Why a file or folder could not be read, in words. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "it does not exist (a broken symbolic link?)";
    case "ELOOP":
      return "too many levels of symbolic links (a symbolic link loop?)";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
