using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Telegram;

/// <summary>
/// One <see cref="TelegramRig"/> per mode for a whole test class (an xunit class fixture; issue 15: a class of table
/// rows booted a host and a fake Bot API per row). Each rig starts on first use, over a database of its own. Only for
/// tests that each talk from a chat of their own (<see cref="NewChatId"/>) and assert on that chat, or on counts taken
/// before and after their own call (a class's tests run one after another, each waiting for its turns to settle). A
/// test that moves the clock, restarts, scripts a failure of the fake or blocks the bot for every chat keeps its own rig.
/// </summary>
public sealed class SharedTelegramRigs : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _webhookFolder = new();
    private readonly TempDirectory _pollingFolder = new();
    private TelegramRig? _webhook;
    private TelegramRig? _polling;
    private long _lastChatId = 123456789;

    /// <summary>A chat (and user) id no other test of the class talks from.</summary>
    public long NewChatId() => Interlocked.Increment(ref _lastChatId);

    public async Task<TelegramRig> WebhookAsync() =>
        _webhook ??= await TelegramRig.StartAsync(_webhookFolder.SqliteConnectionString(), TelegramMode.Webhook);

    public async Task<TelegramRig> PollingAsync() =>
        _polling ??= await TelegramRig.StartAsync(_pollingFolder.SqliteConnectionString(), TelegramMode.Polling);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_webhook is not null)
        {
            await _webhook.DisposeAsync();
        }

        if (_polling is not null)
        {
            await _polling.DisposeAsync();
        }
    }

    /// <summary>After <see cref="DisposeAsync"/> (xunit calls both): the hosts have let go of their database files.</summary>
    public void Dispose()
    {
        _webhookFolder.Dispose();
        _pollingFolder.Dispose();
    }
}
