using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Content;

/// <summary>Reads content/communes.yaml: the district's offices and its communes and towns.</summary>
public static class CommunesFileReader
{
    public static (IReadOnlyList<Commune> Communes, DistrictOffice District) Read(string yaml, string file, List<ContentProblem> problems)
    {
        var communes = new List<Commune>();
        var district = new DistrictOffice("Huyện Hải Hậu", "UBND huyện Hải Hậu", null, null,
            "Phòng Lao động – Thương binh và Xã hội huyện Hải Hậu", null, "giờ hành chính các ngày làm việc");
        if (YamlData.Parse(yaml, file, problems) is not DataMap root)
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
            reader.OnlyKnownFields(map, "a commune", "code", "name", "short_name", "kind", "area", "office_name", "phone", "address");
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

            communes.Add(new Commune(
                code,
                reader.RequiredString(map, "name", $"commune \"{code}\""),
                reader.RequiredString(map, "short_name", $"commune \"{code}\""),
                kind == "town",
                area == "urban" ? AreaKind.Urban : AreaKind.Rural,
                reader.RequiredString(map, "office_name", $"commune \"{code}\""),
                reader.OptionalString(map, "phone"),
                reader.OptionalString(map, "address"),
                map.Location));
        }

        return (communes, district);
    }
}
