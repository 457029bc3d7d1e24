using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Content;

public enum AreaKind
{
    Rural,
    Urban,
}

/// <summary>A commune or town of the district. Phone and address are null where not yet confirmed.</summary>
public sealed record Commune(
    string Code,
    string Name,
    string ShortName,
    bool IsTown,
    AreaKind Area,
    string OfficeName,
    string? Phone,
    string? Address,
    SourceLocation Location);

/// <summary>The district's own offices, told by the "talk to a person" command.</summary>
public sealed record DistrictOffice(
    string Name,
    string OfficeName,
    string? Phone,
    string? Address,
    string LabourOfficeName,
    string? LabourOfficePhone,
    string OfficeHours);
