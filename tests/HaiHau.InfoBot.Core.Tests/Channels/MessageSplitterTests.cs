using HaiHau.InfoBot.Channels.Text;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Channels;

public sealed class MessageSplitterTests
{
    [Fact]
    public void Short_text_stays_whole() =>
        Assert.Equal(["Chào bác."], MessageSplitter.Split("Chào bác.", 2000));

    [Fact]
    public void Long_text_is_cut_at_paragraphs_first()
    {
        var paragraph = string.Concat(Enumerable.Repeat("Bác mang theo căn cước. ", 40)).Trim();
        var parts = MessageSplitter.Split(paragraph + "\n\n" + paragraph, 1500);

        Assert.Equal([paragraph, paragraph], parts);
    }

    [Fact]
    public void Without_paragraphs_it_cuts_after_a_sentence_and_never_inside_a_word()
    {
        var text = string.Concat(Enumerable.Repeat("Người thuộc hộ nghèo được hỗ trợ tiền thẻ bảo hiểm y tế. ", 60)).Trim();
        var parts = MessageSplitter.Split(text, 2000);

        Assert.All(parts, p => Assert.True(p.Length <= 2000));
        Assert.All(parts, p => Assert.EndsWith("y tế.", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(parts).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_repository_article_fits_telegram_and_zalo_in_whole_words()
    {
        foreach (var article in EngineHarness.Repo.Content.Articles)
        {
            foreach (var limit in new[] { 4096, 2000 })
            {
                var parts = MessageSplitter.Split(article.Body, limit);
                Assert.All(parts, p => Assert.True(p.Length <= limit));
                Assert.Equal(article.Body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries),
                    parts.SelectMany(p => p.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
            }
        }
    }

    [Fact]
    public void Numbered_choices_render_under_the_text_and_map_back_to_ids()
    {
        var message = new OutboundMessage("Diện nào?", [new("ngheo", "Hộ nghèo"), new("can-ngheo", "Hộ cận nghèo")]);

        Assert.Equal("Diện nào?\n  1. Hộ nghèo\n  2. Hộ cận nghèo", NumberedChoices.Render(message));
        Assert.Equal("can-ngheo", NumberedChoices.Resolve(message.QuickReplies, " 2. "));
        Assert.Null(NumberedChoices.Resolve(message.QuickReplies, "3"));
        Assert.Null(NumberedChoices.Resolve(message.QuickReplies, "hai"));
    }
}
