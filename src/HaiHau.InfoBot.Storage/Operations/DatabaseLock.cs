namespace HaiHau.InfoBot.Storage.Operations;

/// <summary>
/// A lock file beside the database (infobot.db.lock) that a running bot holds open exclusively, so that
/// `db restore` can tell the file is in use. The OS releases it when the process ends, so a crash leaves no stale lock.
/// SQLite itself cannot tell: an idle bot holds no SQLite lock between requests.
/// </summary>
public static class DatabaseLock
{
    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".lock";

    /// <summary>Takes the lock, or returns null when another process (or another host in this one) holds it.</summary>
    public static IDisposable? TryAcquire(string databasePath)
    {
        var path = PathFor(databasePath);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        try
        {
            // FileShare.None is an exclusive advisory lock on Linux (flock) and a sharing lock on Windows.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static bool IsHeld(string databasePath)
    {
        if (!File.Exists(PathFor(databasePath)))
        {
            return false;
        }

        using var probe = TryAcquire(databasePath);
        return probe is null;
    }
}
