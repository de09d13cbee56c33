using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using SbbCommerce.Api.Common.Slices;

namespace SbbCommerce.UnitTests.Common.Slices;

/// <summary>
/// The save itself is PostgreSQL's (the integration tests race real requests into the unique indexes); here an
/// interceptor stands in for the server's refusal, so the context never opens a connection.
/// </summary>
public sealed class UniqueSavesTests
{
    [Fact]
    public async Task Given_a_save_that_succeeds_When_saved_Then_it_is_true()
    {
        await using var db = Context(failure: null);

        Assert.True(await db.TrySaveUniqueAsync("discounts_code_unique", CancellationToken.None));
    }

    [Fact]
    public async Task Given_the_named_unique_constraint_refuses_When_saved_Then_it_is_false()
    {
        await using var db = Context(UniqueViolation("discounts_code_unique"));

        Assert.False(await db.TrySaveUniqueAsync("discounts_code_unique", CancellationToken.None));
    }

    [Fact]
    public async Task Given_another_unique_constraint_refuses_When_saved_Then_the_failure_propagates()
    {
        await using var db = Context(UniqueViolation("users_email_unique"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.TrySaveUniqueAsync("users_phone_unique", CancellationToken.None));
    }

    [Fact]
    public async Task Given_a_failure_that_is_no_refusal_When_saved_Then_it_propagates()
    {
        await using var db = Context(new DbUpdateException("lost", new TimeoutException()));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.TrySaveUniqueAsync("users_phone_unique", CancellationToken.None));
    }

    private static DbContext Context(Exception? failure)
    {
        var options = new DbContextOptionsBuilder().UseNpgsql("Host=unused.invalid");
        if (failure is not null)
        {
            options.AddInterceptors(new FailingSave(failure));
        }

        return new DbContext(options.Options);
    }

    private static DbUpdateException UniqueViolation(string constraint) =>
        new("save failed", new PostgresException("refused", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation, constraintName: constraint));

    private sealed class FailingSave(Exception failure) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<InterceptionResult<int>>(failure);
    }
}
