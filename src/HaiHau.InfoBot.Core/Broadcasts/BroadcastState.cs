namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>An announcement's life: written, (approved,) scheduled, sent out in the background, finished.</summary>
public enum BroadcastState
{
    Draft = 0,
    AwaitingApproval = 1,
    Scheduled = 2,
    Sending = 3,
    Paused = 4,
    Completed = 5,
    Cancelled = 6,
}
