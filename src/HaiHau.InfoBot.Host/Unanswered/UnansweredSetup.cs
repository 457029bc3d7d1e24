using HaiHau.InfoBot.Core.Understanding;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>The unanswered-questions loop (issue 13 §3): the live understanding that staff teach, and the console's services.</summary>
public static class UnansweredSetup
{
    public static IServiceCollection AddInfoBotUnanswered(this IServiceCollection services)
    {
        services.AddSingleton<LiveUnderstanding>();
        // Every reader of free text (the engine, reports' topic labels) now reads through the live model.
        services.Replace(ServiceDescriptor.Singleton<IQuestionUnderstanding>(sp => sp.GetRequiredService<LiveUnderstanding>()));
        services.AddHostedService<StaffPhrasingRefresher>();
        services.AddSingleton<UnansweredQuestions>();
        services.AddSingleton<UnansweredLoop>();
        return services;
    }
}
