namespace HaiHau.InfoBot.Channels.Telegram;

/// <summary>
/// Whether the channel works, as /health reports it: "failing" while the last poll or the last send met a network
/// or server fault (or a refused token), "ok" again after the next success. A 429 or a blocked resident is not a fault.
/// </summary>
public sealed class TelegramStatus
{
    private volatile bool _pollFailing;
    private volatile bool _sendFailing;

    public string State => _pollFailing || _sendFailing ? "failing" : "ok";

    public void PollWorked() => _pollFailing = false;

    public void PollFailed() => _pollFailing = true;

    public void SendWorked() => _sendFailing = false;

    public void SendFailed() => _sendFailing = true;
}
