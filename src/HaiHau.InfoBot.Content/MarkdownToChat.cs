using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HaiHau.InfoBot.Content;

/// <summary>
/// Turns an article's Markdown into plain chat text that reads well in any channel: paragraphs separated by a
/// blank line, list items as "• ", emphasis markers dropped, links as "text (address)".
/// </summary>
public static class MarkdownToChat
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static string Convert(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var blocks = new List<string>();
        foreach (var block in document)
        {
            AppendBlock(block, blocks, indent: string.Empty);
        }

        return string.Join("\n\n", blocks.Where(b => b.Length > 0));
    }

    private static void AppendBlock(Block block, List<string> blocks, string indent)
    {
        switch (block)
        {
            case HeadingBlock heading:
                blocks.Add(Inline(heading.Inline));
                break;
            case ParagraphBlock paragraph:
                blocks.Add(indent + Inline(paragraph.Inline));
                break;
            case ListBlock list:
                var items = new List<string>();
                var number = 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "• ";
                    var parts = new List<string>();
                    foreach (var child in item)
                    {
                        AppendBlock(child, parts, indent + "   ");
                    }

                    items.Add(indent + marker + string.Join("\n", parts).TrimStart());
                }

                blocks.Add(string.Join("\n", items));
                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    AppendBlock(child, blocks, indent);
                }

                break;
            case LeafBlock leaf:
                blocks.Add(indent + leaf.Lines.ToString().Trim());
                break;
        }
    }

    private static string Inline(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content);
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append('\n');
                    break;
                case LinkInline { IsImage: false } link:
                    var text = Inline(link);
                    sb.Append(text);
                    if (!string.IsNullOrEmpty(link.Url) && link.Url != text)
                    {
                        sb.Append(" (").Append(link.Url).Append(')');
                    }

                    break;
                case ContainerInline nested:
                    sb.Append(Inline(nested));
                    break;
            }
        }

        return sb.ToString().Trim();
    }
}
