using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// Reads content/communes.yaml: the dated map of the former Hải Hậu district. Every unit of every period is listed
/// with <c>valid_from</c>/<c>valid_to</c> (inclusive; omitted = open), its kind (<c>commune</c> = xã, <c>town</c> =
/// thị trấn), its area, and, for a unit that is gone, <c>successor</c>: the code of the unit it became, or
/// <c>unknown</c> when that is not known. Only today's communes (no <c>valid_to</c>) have an office.
/// </summary>
public static class CommunesFileReader
{
    public const string UnknownSuccessor = "unknown";

    public static (IReadOnlyList<Commune> Communes, DistrictOffice District) Read(string yaml, string file, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        var communes = new List<Commune>();
        var district = new DistrictOffice("Tỉnh Ninh Bình", "UBND xã nơi bác ở (Phòng Văn hóa – Xã hội)", null, null,
            "UBND xã nơi bác ở (Phòng Văn hóa – Xã hội)", null, "giờ hành chính các ngày làm việc");
        if ((parsers ?? ContentParsers.Direct).Yaml(yaml, file, problems) is not DataMap root)
        {
            return (communes, district);
        }

        var reader = new DataReader(problems);
        reader.OnlyKnownFields(root, "communes.yaml", "district", "communes");
        if (root.Get("district") is DataMap d)
        {
            reader.OnlyKnownFields(d, "district", "name", "office_name", "phone", "address", "labour_office_name", "labour_office_phone", "office_hours");
            district = new DistrictOffice(
                reader.RequiredString(d, "name", "district"),
                reader.RequiredString(d, "office_name", "district"),
                reader.OptionalString(d, "phone"),
                reader.OptionalString(d, "address"),
                reader.RequiredString(d, "labour_office_name", "district"),
                reader.OptionalString(d, "labour_office_phone"),
                reader.RequiredString(d, "office_hours", "district"));
        }
        else
        {
            reader.Report(root.Location, "communes.yaml is missing the \"district\" mapping");
        }

        foreach (var map in reader.MapList(root, "communes", required: true))
        {
            reader.OnlyKnownFields(map, "a commune", "code", "name", "short_name", "kind", "area", "office_name", "phone", "address",
                "valid_from", "valid_to", "successor", "aliases", "admin_code");
            var code = reader.RequiredString(map, "code", "a commune");
            var kind = reader.RequiredString(map, "kind", $"commune \"{code}\"");
            var area = reader.RequiredString(map, "area", $"commune \"{code}\"");
            if (kind is not ("town" or "commune") && kind.Length > 0)
            {
                reader.Report(map.Get("kind")!.Location, $"kind must be \"town\" or \"commune\", not \"{kind}\"");
            }

            if (area is not ("urban" or "rural") && area.Length > 0)
            {
                reader.Report(map.Get("area")!.Location, $"area must be \"urban\" or \"rural\", not \"{area}\"");
            }

            if (communes.Any(c => c.Code == code))
            {
                reader.Report(map.Location, $"commune code \"{code}\" is used twice");
            }

            var validTo = reader.OptionalDate(map, "valid_to");
            var successor = reader.OptionalString(map, "successor");
            if (validTo is not null && successor is null)
            {
                reader.Report(map.Location, $"commune \"{code}\" ended on {validTo:yyyy-MM-dd}: say its successor (a code, or \"{UnknownSuccessor}\")");
            }

            if (validTo is null && successor is not null)
            {
                reader.Report(map.Get("successor")!.Location, $"commune \"{code}\" still exists (no valid_to), so it has no successor");
            }

            // Only a current commune has an office residents can go to.
            var office = validTo is null ? reader.RequiredString(map, "office_name", $"commune \"{code}\"") : reader.OptionalString(map, "office_name") ?? string.Empty;
            communes.Add(new Commune(
                code,
                reader.RequiredString(map, "name", $"commune \"{code}\""),
                reader.RequiredString(map, "short_name", $"commune \"{code}\""),
                kind == "town",
                area == "urban" ? AreaKind.Urban : AreaKind.Rural,
                office,
                reader.OptionalString(map, "phone"),
                reader.OptionalString(map, "address"),
                map.Location)
            {
                ValidFrom = reader.OptionalDate(map, "valid_from"),
                ValidTo = validTo,
                Successor = successor == UnknownSuccessor ? null : successor,
                SuccessorUnknown = successor == UnknownSuccessor,
                Aliases = reader.StringList(map, "aliases"),
                AdminCode = reader.OptionalString(map, "admin_code"),
            });
        }

        foreach (var unit in communes.Where(c => c.Successor is { } s && !communes.Any(o => o.Code == s)))
        {
            reader.Report(unit.Location, $"commune \"{unit.Code}\": successor \"{unit.Successor}\" is not in communes.yaml");
        }

        return (communes, district);
    }
}
