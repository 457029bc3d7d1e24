namespace HaiHau.InfoBot.Host.Operations;

public static class OperationsSetup
{
    /// <summary>
    /// For the serving host: the database lock `db restore` checks, the write-ahead log's checkpoint beside the writer,
    /// the nightly backup and the nightly retention purge.
    /// </summary>
    public static IServiceCollection AddInfoBotOperations(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DatabaseLockHolder>();
        services.AddHostedService<WalCheckpointWorker>();
        services.AddHostedService<NightlyBackup>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<NightlyRetention>();
        return services;
    }
}
