using System.ComponentModel.DataAnnotations;

namespace HaiHau.InfoBot.Host.Operations;

/// <summary>The nightly backup of the embedded SQLite database. Bound from "InfoBot:Backup"; off while Folder is empty.</summary>
public sealed class BackupOptions
{
    public const string Section = "InfoBot:Backup";

    /// <summary>Where the nightly copies go (best on another disk). Empty: no nightly backup.</summary>
    public string Folder { get; set; } = "";

    /// <summary>How many of the newest copies to keep; older ones are deleted.</summary>
    [Range(1, 3650)]
    public int Keep { get; set; } = 14;

    /// <summary>When to copy, in Vietnam time (a quiet hour).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan TimeOfDay { get; set; } = new(2, 30, 0);
}
