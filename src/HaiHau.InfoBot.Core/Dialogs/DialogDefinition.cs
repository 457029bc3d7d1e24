using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>A dialog as its YAML file describes it: a start node and a graph of typed nodes.</summary>
public sealed class DialogDefinition
{
    /// <summary>The newest dialog file format this runtime reads (see dialogs/README.md for the history).</summary>
    public const int CurrentSpecVersion = 1;

    public required string Id { get; init; }

    public required int SpecVersion { get; init; }

    public required string Title { get; init; }

    public string? Topic { get; init; }

    public required string Start { get; init; }

    public required SourceLocation Location { get; init; }

    public SourceLocation StartLocation { get; init; } = SourceLocation.Unknown;

    public required IReadOnlyDictionary<string, DialogNode> Nodes { get; init; }

    public DialogNode? Find(string nodeId) => Nodes.GetValueOrDefault(nodeId);
}

/// <summary>All dialogs the bot runs, by id.</summary>
public sealed class DialogCatalog(IEnumerable<DialogDefinition> dialogs)
{
    /// <summary>The main menu: where a new conversation starts and "menu" leads.</summary>
    public const string MainDialogId = "menu";

    /// <summary>Called by "gặp cán bộ" from anywhere; it returns to where the resident was.</summary>
    public const string HandoffDialogId = "gap-can-bo";

    /// <summary>Run by "xóa dữ liệu của tôi" from anywhere: asks to confirm, then erases (Decree 13/2023).</summary>
    public const string EraseDialogId = "xoa-du-lieu";

    /// <summary>Run by «dừng» / «hủy đăng ký» from anywhere: stops announcements for a registered resident.</summary>
    public const string OptOutDialogId = "dung-nhan-tin";

    /// <summary>Dialogs the runtime itself starts; validation requires them.</summary>
    public static readonly IReadOnlyList<string> Required = [MainDialogId, HandoffDialogId, EraseDialogId, OptOutDialogId];

    private readonly Dictionary<string, DialogDefinition> _dialogs =
        dialogs.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IReadOnlyCollection<DialogDefinition> All => _dialogs.Values;

    public DialogDefinition? Find(string id) => _dialogs.GetValueOrDefault(id);
}
