namespace HaiHau.InfoBot.Core.Content;

/// <summary>
/// What a name of any period means today: the unit named (<see cref="Named"/>, perhaps a former xã or thị trấn)
/// and today's commune (<see cref="Current"/>), or null when the named unit's successor is not known and the
/// resident must be asked which of today's communes they live in.
/// </summary>
public sealed record CommuneResolution(Commune Named, Commune? Current)
{
    public bool NeedsChoice => Current is null;

    /// <summary>The named unit is a former one with another name than today's commune.</summary>
    public bool IsFormer => !Named.IsCurrent && (Current is null || Current.Code != Named.Code) && !SameName;

    /// <summary>"Xã Hải Châu nay thuộc xã Hải Thịnh." (null when the name is today's).</summary>
    public string? Note => IsFormer && Current is not null ? $"{Named.Name} nay thuộc {Current.NameInSentence}." : null;

    private bool SameName => Current is not null && string.Equals(Current.ShortName, Named.ShortName, StringComparison.Ordinal);
}
