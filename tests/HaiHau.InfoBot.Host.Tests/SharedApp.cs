using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests;

/// <summary>
/// One host for a whole test class (an xunit class fixture), as eShop's functional tests share theirs (issue 15: a
/// host's boot is the largest cost of most Host tests). Only for tests that read, or that each work on conversations,
/// accounts and rows of their own, so no test can see what another did, whatever their order. A test that moves the
/// clock, changes settings, erases, restarts or counts rows of the whole database keeps its own host
/// (<see cref="HostTestBase.NewApp(Microsoft.Extensions.Time.Testing.FakeTimeProvider?, IReadOnlyDictionary{string, string?}?)"/>).
/// </summary>
public sealed class SharedApp : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();

    public SharedApp() => App = new InfoBotApp(_folder.SqliteConnectionString(), InfoBotApp.NewClock());

    /// <summary>The class's host. Its clock must not be moved: every test of the class sees it.</summary>
    public InfoBotApp App { get; }

    public Task InitializeAsync()
    {
        _ = App.Server; // boot before the first test, so its time is not counted in one test's duration
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>After <see cref="DisposeAsync"/> (xunit calls both): the host has let go of its database file.</summary>
    public void Dispose() => _folder.Dispose();
}
