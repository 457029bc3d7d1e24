using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// One step of a dialog; one subclass per YAML <c>type</c>, in Nodes/ (STYLE.md habit 9).
/// A node reads its own fields (<c>Read</c>) and says what comes next (<see cref="Enter"/>).
/// </summary>
public abstract class DialogNode
{
    public required string Id { get; init; }

    public required SourceLocation Location { get; init; }

    public abstract string Type { get; }

    /// <summary>Where the flow goes after this node; null ends the dialog.</summary>
    public Reference? Next { get; init; }

    /// <summary>Runs when the flow reaches this node.</summary>
    public abstract NodeOutcome Enter(TurnContext turn);

    /// <summary>Node ids this node may continue to (validation follows them for reachability).</summary>
    public virtual IEnumerable<Reference> Targets() => Next is null ? [] : [Next];

    /// <summary>Resident-facing texts, checked for {fact:…} and {var:…} placeholders.</summary>
    public virtual IEnumerable<(string Text, SourceLocation At)> Texts() => [];

    /// <summary>Other dialogs this node runs.</summary>
    public virtual IEnumerable<Reference> Dialogs() => [];

    /// <summary>Articles this node shows.</summary>
    public virtual IEnumerable<Reference> Articles() => [];

    /// <summary>facts.yaml keys the node computes with (not tells): validation checks they exist.</summary>
    public virtual IEnumerable<string> FactKeys() => [];

    protected NodeOutcome ToNext() => NodeOutcome.GoTo(Next?.Id);
}

/// <summary>A name in a file pointing at something else (a node, a dialog, an article), with where it was written.</summary>
public sealed record Reference(string Id, SourceLocation At);
