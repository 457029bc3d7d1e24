using System.ComponentModel.DataAnnotations;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>The officer console's sign-in rules. Bound from "InfoBot:Console".</summary>
public sealed class ConsoleOptions
{
    public const string Section = "InfoBot:Console";

    /// <summary>Shortest password accepted; long passphrases beat forced symbols for people who type in Vietnamese.</summary>
    [Range(8, 128)]
    public int PasswordMinLength { get; set; } = 12;

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    [Range(3, 20)]
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
