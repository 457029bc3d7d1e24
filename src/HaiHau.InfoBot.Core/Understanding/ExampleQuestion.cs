using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>One way a resident may ask about a topic (content/understanding/examples/&lt;topic&gt;.yaml): training data.</summary>
public sealed record ExampleQuestion(string Topic, string Text, SourceLocation Location);
