using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Nodes;

/// <summary>
/// One table of cases per node type, in Nodes/&lt;type&gt;.cases.yaml (goflow's testdata/&lt;action&gt;.json):
/// each case is a small dialog, then either the problems reading it must report (read_error) or the turns a
/// resident takes and exactly what the bot answers (every reply of the turn joined by " | ", buttons in brackets).
/// A case may give <c>listings</c> (jobs and courses the engine sees) and a turn may list the <c>events</c> it records.
/// </summary>
public sealed class NodeCaseTests
{
    private const string HandoffDialog = """
        id: gap-can-bo
        spec_version: 1
        title: Gặp cán bộ
        start: a
        nodes:
          - { id: a, type: say, text: "Liên hệ cán bộ." }
        """;

    private const string EraseDialog = """
        id: xoa-du-lieu
        spec_version: 1
        title: Xóa
        start: a
        nodes:
          - { id: a, type: erase_data, text: "Đã xóa." }
        """;

    private const string OptOutDialog = """
        id: dung-nhan-tin
        spec_version: 1
        title: Dừng
        start: a
        nodes:
          - { id: a, type: end, text: "Đã dừng." }
        """;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Nodes");

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.cases.yaml").Order(StringComparer.Ordinal))
        {
            var count = ReadCases(file).Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(Path.GetFileName(file), i);
            }
        }

        return data;
    }

    [Fact]
    public void Every_node_type_has_a_case_table()
    {
        foreach (var type in NodeTypes.All.Keys)
        {
            Assert.True(File.Exists(Path.Combine(Folder, $"{type}.cases.yaml")), $"node type \"{type}\" has no Nodes/{type}.cases.yaml");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Node_behaves_as_its_table_says(string file, int index)
    {
        var testCase = ReadCases(Path.Combine(Folder, file))[index];
        var reader = new DataReader([]);
        var description = reader.OptionalString(testCase, "description");
        var dialogYaml = "id: menu\nspec_version: 1\ntitle: Test\n" + reader.RequiredString(testCase, "dialog", "case");
        var problems = new List<ContentProblem>();
        var dialog = DialogFileReader.Read(dialogYaml, "dialogs/menu.yaml", problems);
        var handoff = DialogFileReader.Read(HandoffDialog, "dialogs/gap-can-bo.yaml", problems)!;
        var erase = DialogFileReader.Read(EraseDialog, "dialogs/xoa-du-lieu.yaml", problems)!;
        var optOut = DialogFileReader.Read(OptOutDialog, "dialogs/dung-nhan-tin.yaml", problems)!;
        var catalog = new DialogCatalog(dialog is null ? [handoff, erase, optOut] : [dialog, handoff, erase, optOut]);
        if (dialog is not null)
        {
            problems.AddRange(DialogValidator.Validate(catalog, EngineHarness.Repo.Content));
        }

        var expectedError = reader.OptionalString(testCase, "read_error");
        if (expectedError is not null)
        {
            Assert.True(problems.Any(p => p.Message.Contains(expectedError, StringComparison.Ordinal)),
                $"{description}: expected a problem containing «{expectedError}», got:\n{string.Join("\n", problems)}");
            return;
        }

        Assert.True(problems.Count == 0, $"{description}: unexpected problems:\n{string.Join("\n", problems)}");
        var harness = new EngineHarness(catalog, listings: CaseListings.Read(reader, testCase));
        foreach (var turn in reader.MapList(testCase, "turns", required: true))
        {
            var replies = reader.OptionalString(turn, "start") == "true" ? harness.Start()
                : reader.OptionalString(turn, "press") is { } press ? harness.Press(press)
                : harness.Send(reader.RequiredString(turn, "user", "turn"));
            var actual = string.Join(" | ", replies.Select(r =>
                r.QuickReplies.Count == 0 ? r.Text : $"{r.Text} {string.Join(' ', r.QuickReplies.Select(q => $"[{q.Label}]"))}"));
            if (reader.OptionalString(turn, "bot_starts") is { } prefix)
            {
                Assert.StartsWith(prefix, actual, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(reader.RequiredString(turn, "bot", "turn"), actual);
            }

            // "events": what the turn asks the store to keep, as "kind:subject key=value …" (see CaseListings).
            foreach (var expected in reader.StringList(turn, "events"))
            {
                var events = harness.LastEvents.Select(CaseListings.Describe).ToList();
                Assert.True(events.Contains(expected), $"{description}: expected event «{expected}», got: {string.Join(" | ", events)}");
            }
        }
    }

    private static IReadOnlyList<DataMap> ReadCases(string path)
    {
        var problems = new List<ContentProblem>();
        var root = YamlData.Parse(File.ReadAllText(path), Path.GetFileName(path), problems) as DataMap
            ?? throw new InvalidOperationException(string.Join("\n", problems));
        var cases = new DataReader(problems).MapList(root, "cases", required: true);
        return problems.Count == 0 ? cases : throw new InvalidOperationException(string.Join("\n", problems));
    }
}
