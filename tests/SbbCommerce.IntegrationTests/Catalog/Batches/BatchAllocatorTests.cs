using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.IntegrationTests.Catalog.Batches;

/// <summary>
/// The batch allocation contract Fulfillment calls, through the host's DI (one scope, DbContext and transaction per
/// caller), against PostgreSQL: first expiring first out, split across batches, all or nothing, race-safe.
/// </summary>
public sealed class BatchAllocatorTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    // Below the host's connection pool (50 on the test cluster), so callers race on the rows, not on the pool.
    private const int Parallelism = 40;

    [Fact]
    public async Task Given_eligible_and_ineligible_batches_When_allocating_Then_the_first_expiring_eligible_batch_gives_the_units()
    {
        var today = fixture.Today();
        var product = (await fixture.CreateProductAsync()).Id();
        var late = await BatchAsync(product, "LOT-LATE", today.AddDays(-30), today.AddDays(200), 10);
        var soon = await BatchAsync(product, "LOT-SOON", today.AddDays(-60), today.AddDays(40), 10);
        var unverified = await BatchAsync(product, "LOT-UNVERIFIED", today.AddDays(-90), today.AddDays(10), 10, verified: false);
        var inactive = await BatchAsync(product, "LOT-INACTIVE", today.AddDays(-90), today.AddDays(11), 10, isActive: false);
        var expired = await BatchAsync(product, "LOT-EXPIRED", today.AddDays(-400), today, 10); // expires today: not used today

        var result = await AllocateAsync(product, 3);

        Assert.True(result.Succeeded);
        var part = Assert.Single(result.Allocations);
        Assert.Equal(new BatchAllocation(soon, "LOT-SOON", 3, today.AddDays(40), "https://coa.example/LOT-SOON.pdf"), part);
        Assert.Equal((3, 20), (result.Requested, result.Available));
        Assert.Equal(7, await RemainingAsync(soon));
        foreach (var untouched in new[] { late, unverified, inactive, expired })
        {
            Assert.Equal(10, await RemainingAsync(untouched));
        }
    }

    [Fact]
    public async Task Given_no_batch_covers_the_quantity_alone_When_allocating_Then_it_is_split_first_expiring_first()
    {
        var today = fixture.Today();
        var product = (await fixture.CreateProductAsync()).Id();
        var late = await BatchAsync(product, "LOT-LATE", today.AddDays(-30), today.AddDays(200), 10);
        var soon = await BatchAsync(product, "LOT-SOON", today.AddDays(-60), today.AddDays(40), 4);

        var result = await AllocateAsync(product, 9);

        Assert.True(result.Succeeded);
        Assert.Equal([(soon, "LOT-SOON", 4), (late, "LOT-LATE", 5)], result.Allocations.Select(a => (a.BatchId, a.BatchNumber, a.Quantity)));
        Assert.Equal(0, await RemainingAsync(soon));
        Assert.Equal(5, await RemainingAsync(late));
    }

    [Fact]
    public async Task Given_a_preferred_batch_When_allocating_Then_it_gives_first_and_an_ineligible_preference_is_ignored()
    {
        var today = fixture.Today();
        var product = (await fixture.CreateProductAsync()).Id();
        var late = await BatchAsync(product, "LOT-LATE", today.AddDays(-30), today.AddDays(200), 10);
        var soon = await BatchAsync(product, "LOT-SOON", today.AddDays(-60), today.AddDays(40), 10);
        var unverified = await BatchAsync(product, "LOT-UNVERIFIED", today.AddDays(-90), today.AddDays(300), 10, verified: false);
        var otherProduct = (await fixture.CreateProductAsync()).Id();
        var elsewhere = await BatchAsync(otherProduct, "LOT-ELSEWHERE", today.AddDays(-10), today.AddDays(300), 10);

        var preferred = await AllocateAsync(product, 12, late);
        var notEligible = await AllocateAsync(product, 1, unverified);
        var notItsOwn = await AllocateAsync(product, 1, elsewhere);

        Assert.Equal([(late, 10), (soon, 2)], preferred.Allocations.Select(a => (a.BatchId, a.Quantity)));
        Assert.Equal(soon, Assert.Single(notEligible.Allocations).BatchId);
        Assert.Equal(soon, Assert.Single(notItsOwn.Allocations).BatchId);
        Assert.Equal((0, 6, 10, 10), (await RemainingAsync(late), await RemainingAsync(soon), await RemainingAsync(unverified), await RemainingAsync(elsewhere)));
    }

    [Fact]
    public async Task Given_batches_holding_too_few_When_allocating_Then_it_is_refused_with_what_there_is_and_nothing_changes()
    {
        var today = fixture.Today();
        var product = (await fixture.CreateProductAsync()).Id();
        var first = await BatchAsync(product, "LOT-1", today.AddDays(-30), today.AddDays(200), 4);
        var second = await BatchAsync(product, "LOT-2", today.AddDays(-30), today.AddDays(100), 5);
        await BatchAsync(product, "LOT-UNVERIFIED", today.AddDays(-30), today.AddDays(100), 50, verified: false);

        var result = await AllocateAsync(product, 10);
        var unknown = await AllocateAsync(Guid.NewGuid(), 1);

        Assert.Equal((false, 10, 9), (result.Succeeded, result.Requested, result.Available));
        Assert.Empty(result.Allocations);
        Assert.Equal((4, 5), (await RemainingAsync(first), await RemainingAsync(second)));
        Assert.False(unknown.Succeeded);
        Assert.Equal(0, unknown.Available);
    }

    [Fact]
    public async Task Given_the_callers_transaction_When_it_rolls_back_or_an_allocation_is_refused_Then_units_come_back_and_it_stays_usable()
    {
        var today = fixture.Today();
        var product = (await fixture.CreateProductAsync()).Id();
        var batch = await BatchAsync(product, "LOT-TX", today.AddDays(-30), today.AddDays(200), 6);
        await using (var scope = fixture.CreateScope())
        {
            var db = ApiFixture.DbContext(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var taken = await Allocator(scope).AllocateAsync(product, 4, null, CancellationToken.None);
            var refused = await Allocator(scope).AllocateAsync(product, 3, null, CancellationToken.None);
            await db.Database.ExecuteSqlAsync($"SELECT 1"); // the transaction still answers
            Assert.True(taken.Succeeded);
            Assert.Equal((false, 3, 2), (refused.Succeeded, refused.Requested, refused.Available));
            await transaction.RollbackAsync();
        }

        Assert.Equal(6, await RemainingAsync(batch));
    }

    [Fact]
    public async Task Given_batches_totalling_20_When_50_callers_allocate_1_concurrently_Then_exactly_20_succeed_and_every_batch_is_emptied()
    {
        var today = fixture.Today();
        var product = (await fixture.CreateProductAsync()).Id();
        var batches = new[]
        {
            await BatchAsync(product, "LOT-A", today.AddDays(-30), today.AddDays(50), 5),
            await BatchAsync(product, "LOT-B", today.AddDays(-30), today.AddDays(100), 7),
            await BatchAsync(product, "LOT-C", today.AddDays(-30), today.AddDays(150), 8),
        };

        var outcomes = await RaceAsync(50, _ => (product, 1, null));

        Assert.Equal(20, outcomes.Count(result => result.Succeeded));
        Assert.All(outcomes.Where(result => !result.Succeeded), result => Assert.Equal(0, result.Available));
        var given = outcomes.SelectMany(result => result.Allocations).GroupBy(a => a.BatchId).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity));
        Assert.Equal(new Dictionary<Guid, int> { [batches[0]] = 5, [batches[1]] = 7, [batches[2]] = 8 }, given);
        foreach (var batch in batches)
        {
            Assert.Equal(0, await RemainingAsync(batch));
        }
    }

    [Fact]
    public async Task Given_batches_totalling_21_When_50_callers_allocate_2_with_different_preferences_Then_10_succeed_each_with_2_units_and_none_deadlocks()
    {
        // Odd batch sizes force splits; preferring different batches makes callers draw in different orders, so
        // only the id-ordered updates keep them from locking the same rows in opposite orders.
        var today = fixture.Today();
        var product = (await fixture.CreateProductAsync()).Id();
        var batches = new[]
        {
            await BatchAsync(product, "LOT-A", today.AddDays(-30), today.AddDays(50), 5),
            await BatchAsync(product, "LOT-B", today.AddDays(-30), today.AddDays(100), 7),
            await BatchAsync(product, "LOT-C", today.AddDays(-30), today.AddDays(150), 9),
        };

        var outcomes = await RaceAsync(50, index => (product, 2, batches[index % 3]));

        Assert.Equal(10, outcomes.Count(result => result.Succeeded));
        Assert.All(outcomes.Where(result => result.Succeeded), result => Assert.Equal(2, result.Allocations.Sum(a => a.Quantity)));
        var remaining = 0;
        foreach (var batch in batches)
        {
            remaining += await RemainingAsync(batch);
        }

        Assert.Equal(1, remaining);
        Assert.All(outcomes.Where(result => !result.Succeeded), result => Assert.True(result.Available < 2));
    }

    [Fact]
    public async Task Given_a_drained_batch_whose_row_is_locked_When_allocating_Then_it_is_refused_without_waiting_for_the_lock()
    {
        var today = fixture.Today();
        var product = (await fixture.CreateProductAsync()).Id();
        var batch = await BatchAsync(product, "LOT-LOCKED", today.AddDays(-30), today.AddDays(200), 1);
        await fixture.ExecuteAsync("UPDATE product_batches SET quantity_remaining = 0 WHERE id = @id", ("id", batch));
        await using var holder = new NpgsqlConnection(fixture.ConnectionString);
        await holder.OpenAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM product_batches WHERE id = @id FOR UPDATE", holder, holding))
        {
            lockRow.Parameters.AddWithValue("id", batch);
            await lockRow.ExecuteNonQueryAsync();
        }

        var result = await AllocateAsync(product, 1).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(result.Succeeded);
        await holding.RollbackAsync();
    }

    [Fact]
    public async Task Given_a_zero_quantity_When_allocating_Then_it_is_a_programming_error()
    {
        await using var scope = fixture.CreateScope();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Allocator(scope).AllocateAsync(Guid.NewGuid(), 0, null, CancellationToken.None));
    }

    private async Task<Guid> BatchAsync(Guid product, string number, DateOnly made, DateOnly expires, int quantity, bool verified = true, bool isActive = true) =>
        (await fixture.CreateBatchAsync(product, number, made, expires, quantity, verified, isActive)).Id();

    private async Task<BatchAllocationResult> AllocateAsync(Guid product, int quantity, Guid? preferred = null)
    {
        await using var scope = fixture.CreateScope();
        return await Allocator(scope).AllocateAsync(product, quantity, preferred, CancellationToken.None);
    }

    /// <summary>Every caller in its own scope and transaction, held open a moment after allocating (as a shipment would).</summary>
    private async Task<List<BatchAllocationResult>> RaceAsync(int callers, Func<int, (Guid Product, int Quantity, Guid? Preferred)> requestOf)
    {
        var outcomes = new ConcurrentBag<BatchAllocationResult>();
        await Parallel.ForEachAsync(Enumerable.Range(0, callers), new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (index, cancellationToken) =>
            {
                var (product, quantity, preferred) = requestOf(index);
                await using var scope = fixture.CreateScope();
                var db = ApiFixture.DbContext(scope);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await Allocator(scope).AllocateAsync(product, quantity, preferred, cancellationToken);
                await Task.Delay(index % 4, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                outcomes.Add(result);
            });
        return outcomes.ToList();
    }

    private Task<int> RemainingAsync(Guid batch) =>
        fixture.ScalarAsync<int>("SELECT quantity_remaining FROM product_batches WHERE id = @id", ("id", batch));

    private static IBatchAllocator Allocator(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IBatchAllocator>();
}
