namespace HaiHau.InfoBot.Core.Loading;

/// <summary>Where a piece of data was written: "dialogs/bhyt.yaml:14:7".</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation Unknown = new("?", 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

/// <summary>One problem in a dialog or content file. Printed as "file:line:column: message".</summary>
public sealed record ContentProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>Thrown when dialogs or content are broken: the bot refuses to start and lists every problem.</summary>
public sealed class ContentInvalidException(IReadOnlyList<ContentProblem> problems)
    : Exception($"{problems.Count} problem(s) in dialogs/content:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;
}
