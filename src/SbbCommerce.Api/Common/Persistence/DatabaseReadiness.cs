namespace SbbCommerce.Api.Common.Persistence;

/// <summary>Set once the database is migrated and seeded as configured; readiness and the job server wait on it.</summary>
internal sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsInitialized => _initialized.Task.IsCompleted;

    public Task WaitAsync(CancellationToken cancellationToken) => _initialized.Task.WaitAsync(cancellationToken);

    public void MarkInitialized() => _initialized.TrySetResult();
}
