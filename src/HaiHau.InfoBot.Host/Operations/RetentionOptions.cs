using System.ComponentModel.DataAnnotations;

namespace HaiHau.InfoBot.Host.Operations;

/// <summary>How long residents' words are kept (issue 19). Bound from "InfoBot:Retention"; the reasons are in appsettings.sample.json.</summary>
public sealed class RetentionOptions
{
    public const string Section = "InfoBot:Retention";

    public bool Enabled { get; set; } = true;

    /// <summary>Message texts of conversations idle longer than this are blanked; turns, times and topics stay.</summary>
    [Range(1, 3650)]
    public int MessageTextDays { get; set; } = 180;

    /// <summary>The words of an unanswered question are dropped this long after it was asked.</summary>
    [Range(1, 3650)]
    public int UnansweredTextDays { get; set; } = 90;

    /// <summary>When to purge, in Vietnam time (a quiet hour, after the nightly backup).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan TimeOfDay { get; set; } = new(3, 0, 0);
}
