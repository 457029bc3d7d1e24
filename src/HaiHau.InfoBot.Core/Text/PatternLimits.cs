namespace HaiHau.InfoBot.Core.Text;

/// <summary>How long the bot's own patterns may take on one message.</summary>
internal static class PatternLimits
{
    /// <summary>
    /// The bot's own patterns are linear in the message (no nested repetition), so this bound guards against a stalled
    /// engine, not a slow pattern. It was 100 ms, and a loaded test run (two cores, load average about 9, 7 December)
    /// timed out reading a letter at the main menu — a resident's message would have failed the same way on a busy host.
    /// Patterns written in content (a dialog's code pattern) keep their own, shorter bound and are caught.
    /// </summary>
    public static TimeSpan MatchTime => TimeSpan.FromMilliseconds(MatchTimeMs);

    /// <summary><see cref="MatchTime"/> in milliseconds, for a generated pattern's attribute.</summary>
    public const int MatchTimeMs = 1000;
}
