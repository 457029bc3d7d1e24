using HaiHau.InfoBot.Host.Answerer;
using HaiHau.InfoBot.TestKit;
using Microsoft.Extensions.Configuration;

namespace HaiHau.InfoBot.Host.Tests.Answerer;

/// <summary>InfoBot:Answerer is documented in appsettings.sample.json, off there, and its prompt templates validate.</summary>
public sealed class AnswererSettingsTests
{
    private static readonly IConfiguration Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.sample.json"), optional: false)
        .Build();

    [Fact]
    public void Every_answerer_option_is_in_the_sample_which_leaves_it_off_with_the_code_defaults()
    {
        foreach (var property in typeof(AnswererOptions).GetProperties())
        {
            Assert.True(Sample.GetSection(AnswererOptions.Section).GetSection(property.Name).Exists(), $"{AnswererOptions.Section}:{property.Name} is missing from appsettings.sample.json");
        }

        var sample = Sample.GetSection(AnswererOptions.Section).Get<AnswererOptions>()!;
        var defaults = new AnswererOptions();
        Assert.False(AnswererSetup.IsOn(Sample));
        Assert.True(string.IsNullOrEmpty(sample.ApiKey));
        Assert.Equal((defaults.Timeout, defaults.MaxPerMinute, defaults.Concurrency, defaults.RetryDelay), (sample.Timeout, sample.MaxPerMinute, sample.Concurrency, sample.RetryDelay));
    }

    [Fact]
    public void The_prompt_templates_in_content_are_valid_and_a_broken_one_is_reported()
    {
        Assert.Empty(AnswerPrompts.Problems(RepoPaths.Content));

        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, AnswerPrompts.Folder));
        File.WriteAllText(Path.Combine(folder.Path, AnswerPrompts.Folder, AnswerPrompts.SystemFile), "Trả lời ngắn gọn.");
        File.WriteAllText(Path.Combine(folder.Path, AnswerPrompts.Folder, AnswerPrompts.QuestionFile), "{noi_dung}\n{cau_hoi}");
        File.WriteAllText(Path.Combine(folder.Path, AnswerPrompts.Folder, AnswerPrompts.SourcesFile), "Nguồn: {nguon}.");

        var problems = AnswerPrompts.Problems(folder.Path).Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.Contains("placeholder {so_lieu} is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("KHÔNG_ĐỦ", StringComparison.Ordinal));
    }
}
