using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Content;

public enum AreaKind
{
    Rural,
    Urban,
}

/// <summary>
/// An administrative unit of the former Hải Hậu district, of any period: the 34 xã and thị trấn of 2022, the 24 of
/// September 2024 and the 8 xã of Ninh Bình province from 1/7/2025. A unit that no longer exists names the unit it
/// became (<see cref="Successor"/>); when that is not known (<see cref="SuccessorUnknown"/>) the bot asks, never guesses.
/// Phone and address are null where not confirmed; only current communes have an office residents can go to.
/// </summary>
public sealed record Commune(
    string Code,
    string Name,
    string ShortName,
    bool IsTown,
    AreaKind Area,
    string OfficeName,
    string? Phone,
    string? Address,
    SourceLocation Location)
{
    /// <summary>First and last day of the unit (inclusive; null = since before 2022 / still today).</summary>
    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    /// <summary>The code of the unit this one became, when known.</summary>
    public string? Successor { get; init; }

    /// <summary>The unit was merged away but where it went is not known (policy-currency-2026.md Q4 [U]).</summary>
    public bool SuccessorUnknown { get; init; }

    /// <summary>Other spellings residents and old lists use ("hai-chau", an old statistics code).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The statistics office's administrative code, where confirmed.</summary>
    public string? AdminCode { get; init; }

    /// <summary>An open-ended unit: one of today's communes.</summary>
    public bool IsCurrent => ValidTo is null;

    public bool ExistsOn(DateOnly day) => (ValidFrom is not { } from || day >= from) && (ValidTo is not { } to || day <= to);

    /// <summary>"xã Hải Thịnh", "thị trấn Cồn": the name inside a sentence.</summary>
    public string NameInSentence => Name.Length > 0 ? char.ToLowerInvariant(Name[0]) + Name[1..] : Name;
}

/// <summary>
/// The offices above the commune. Since 1/7/2025 there is no district: the province (tỉnh Ninh Bình) and, for
/// residents, the UBND xã of their commune (Phòng Văn hóa – Xã hội). Unknown contacts stay null.
/// </summary>
public sealed record DistrictOffice(
    string Name,
    string OfficeName,
    string? Phone,
    string? Address,
    string LabourOfficeName,
    string? LabourOfficePhone,
    string OfficeHours);
