using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Understanding;

namespace HaiHau.InfoBot.Content.Understanding;

/// <summary>
/// Reads content/referrals.yaml: for each body (ids fixed in <see cref="Referral.Ids"/>) its name, what it handles,
/// the sentence the bot says when sending a resident there, the subjects residents name for it, and those of them
/// that name it no more when the resident says they lack them (<see cref="Referral.NotWhenLacking"/>).
/// </summary>
public static class ReferralsFileReader
{
    public static IReadOnlyList<Referral> Read(string yaml, string file, List<ContentProblem> problems, ContentParsers? parsers = null)
    {
        var referrals = new List<Referral>();
        if ((parsers ?? ContentParsers.Direct).Yaml(yaml, file, problems) is not DataMap root)
        {
            return referrals;
        }

        var reader = new DataReader(problems);
        reader.OnlyKnownFields(root, "referrals.yaml", "referrals");
        foreach (var map in reader.MapList(root, "referrals", required: true))
        {
            reader.OnlyKnownFields(map, "a referral", "id", "name", "handles", "say", "subjects", "not_when_lacking", "own_names");
            var id = reader.RequiredString(map, "id", "a referral");
            if (id.Length > 0 && !Referral.Ids.Contains(id))
            {
                reader.Report(map.Get("id")!.Location, $"\"{id}\" is not a referral id of the content contract (known: {string.Join(", ", Referral.Ids)})");
                continue;
            }

            if (referrals.Any(r => r.Id == id))
            {
                reader.Report(map.Location, $"referral \"{id}\" is listed twice");
                continue;
            }

            var subjects = reader.StringList(map, "subjects");
            if (subjects.Count == 0 && id != Referral.Default)
            {
                reader.Report(map.Location, $"referral \"{id}\" needs \"subjects\": the words residents use for what it handles");
            }

            // Both lists name some of the body's subjects, so a word outside them is a typo in one or the other.
            IReadOnlyList<string> SomeSubjects(string field)
            {
                var listed = reader.StringList(map, field);
                foreach (var item in listed.Where(l => !subjects.Contains(l, StringComparer.Ordinal)))
                {
                    reader.Report(map.Get(field)!.Location, $"referral \"{id}\": {field} \"{item}\" is not one of its subjects");
                }

                return listed;
            }

            var notWhenLacking = SomeSubjects("not_when_lacking");
            var ownNames = SomeSubjects("own_names");

            referrals.Add(new Referral(
                id,
                reader.RequiredString(map, "name", $"referral \"{id}\""),
                reader.RequiredString(map, "handles", $"referral \"{id}\""),
                reader.RequiredString(map, "say", $"referral \"{id}\""),
                subjects,
                map.Location)
            {
                NotWhenLacking = notWhenLacking,
                OwnNames = ownNames,
            });
        }

        foreach (var missing in Referral.Ids.Where(id => referrals.All(r => r.Id != id)))
        {
            reader.Report(root.Location, $"referral \"{missing}\" is missing");
        }

        return referrals;
    }
}
