using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests;

/// <summary>
/// A test class's own temp folder holding its real SQLite file, and apps over it: several apps created in turn
/// share the file, which is how tests play a restart.
/// </summary>
public abstract class HostTestBase : IDisposable
{
    protected TempDirectory Folder { get; } = new();

    protected InfoBotApp NewApp(FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(Folder.SqliteConnectionString(), time ?? InfoBotApp.NewClock(), settings);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Folder.Dispose();
        }
    }
}
