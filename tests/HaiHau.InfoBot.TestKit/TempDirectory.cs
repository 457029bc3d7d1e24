namespace HaiHau.InfoBot.TestKit;

/// <summary>A fresh folder for one test (a real SQLite file lives here), deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "infobot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A connection string for a SQLite file in this folder (pooled, as in production; Linux deletes open files).</summary>
    public string SqliteConnectionString(string name = "infobot.db") => $"Data Source={System.IO.Path.Combine(Path, name)}";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown is left for the OS temp cleaner; it holds test data only.
        }
    }
}
