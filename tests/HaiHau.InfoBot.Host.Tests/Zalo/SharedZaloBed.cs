using System.Globalization;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>
/// One <see cref="ZaloBed"/> for a whole test class (an xunit class fixture; issue 15: each test booted a host). Only
/// for tests that each write from a Zalo user of their own (<see cref="NewUser"/>) and look at that user's rows, or at
/// what the fake received since they began (a class's tests run one after another, each waiting for its replies). A
/// test that moves the clock, erases, restarts or changes what the fake does for every user keeps its own bed; a failure
/// scripted for the very next send (<c>FailNextSend</c>) is used up by the test's own send, so it may share.
/// </summary>
public sealed class SharedZaloBed : HostTestBase, IAsyncLifetime
{
    private long _lastUser = long.Parse(ZaloBed.Resident, CultureInfo.InvariantCulture);

    public ZaloBed Bed { get; private set; } = null!;

    /// <summary>A Zalo user id no other test of the class writes from.</summary>
    public string NewUser() => Interlocked.Increment(ref _lastUser).ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync() => Bed = await ZaloBed.StartAsync(Folder);

    public async Task DisposeAsync() => await Bed.DisposeAsync();
}
