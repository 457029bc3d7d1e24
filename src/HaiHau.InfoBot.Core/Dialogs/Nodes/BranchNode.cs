using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Goes to the first case whose condition holds, else to <c>next</c>. Conditions: see <see cref="Condition"/>.
/// <code>
/// - id: chon-muc-ho-tro
///   type: branch
///   cases:
///     - { when: "loai_ho == 'ngheo'", next: bhyt-ngheo }
///     - { when: "thu_nhap &lt;= fact:chuan-ngheo-nong-thon", next: can-ngheo }
///   next: khong-thuoc-dien
/// </code>
/// </summary>
public sealed class BranchNode : DialogNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "cases"];

    public override string Type => "branch";

    public required IReadOnlyList<Case> Cases { get; init; }

    public static DialogNode Read(NodeSeed seed)
    {
        var cases = new List<Case>();
        foreach (var map in seed.Reader.MapList(seed.Map, "cases", required: true))
        {
            seed.Reader.OnlyKnownFields(map, "a case", "when", "next");
            var when = seed.Reader.RequiredString(map, "when", "case");
            var next = seed.Ref("next", map);
            if (next is null)
            {
                seed.Reader.Report(map.Location, "case is missing \"next\"");
            }

            var condition = Condition.TryParse(when, out var error);
            if (condition is null && when.Length > 0)
            {
                seed.Reader.Report(map.Get("when")?.Location ?? map.Location, error ?? "bad condition");
            }

            if (condition is not null && next is not null)
            {
                cases.Add(new Case(condition, next, map.Location));
            }
        }

        return new BranchNode { Id = seed.Id, Location = seed.Location, Next = seed.Next, Cases = cases };
    }

    public override NodeOutcome Enter(TurnContext turn)
    {
        // Facts in conditions are read as they stand today (Vietnam time), like facts in texts.
        var today = Screening.PovertyRuleSets.Today(turn.Services.Time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var c in Cases)
        {
            if (c.When.Evaluate(name => name == Condition.TodayVar ? today : turn.Get(name), turn.Services.Content))
            {
                return new NodeOutcome.Continue(c.Next.Id);
            }
        }

        return ToNext();
    }

    public override IEnumerable<Reference> Targets() => base.Targets().Concat(Cases.Select(c => c.Next));

    public sealed record Case(Condition When, Reference Next, SourceLocation Location);
}
