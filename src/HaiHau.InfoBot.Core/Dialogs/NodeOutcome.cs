namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>What a node tells the engine to do next.</summary>
public abstract record NodeOutcome
{
    public static readonly NodeOutcome Wait = new WaitForInput();
    public static readonly NodeOutcome End = new EndDialog();

    public static NodeOutcome GoTo(string? nodeId) => nodeId is null ? End : new Continue(nodeId);

    public sealed record Continue(string NodeId) : NodeOutcome;

    public sealed record WaitForInput : NodeOutcome;

    public sealed record EndDialog : NodeOutcome;

    /// <summary>Run another dialog, then come back to this node's next.</summary>
    public sealed record Call(string DialogId) : NodeOutcome;

    /// <summary>Replace the current dialog with another one.</summary>
    public sealed record Jump(string DialogId) : NodeOutcome;
}
