namespace HaiHau.InfoBot.Host.Broadcasts;

/// <summary>Announcement settings an Admin chooses (InfoBot:Broadcasts).</summary>
public sealed class BroadcastOptions
{
    public const string Section = "InfoBot:Broadcasts";

    /// <summary>A district-wide announcement (no commune chosen) waits until a second account approves it.</summary>
    public bool RequireApprovalDistrictWide { get; set; }
}
