using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.IntegrationTests.Catalog.Inventory;

/// <summary>
/// The inventory contract other modules call, through the host's DI (one scope, DbContext and real transaction
/// per caller), against PostgreSQL: correct under contention, all or nothing, never deadlocked.
/// </summary>
public sealed class InventoryServiceTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    // Below the host's connection pool (50 on the test cluster), so callers race on the row, not on the pool.
    private const int Parallelism = 40;

    [Fact]
    public async Task Given_50_in_stock_When_500_callers_reserve_1_concurrently_Then_exactly_50_succeed_and_50_are_reserved()
    {
        var productId = await NewProductAsync(onHand: 50);

        var outcomes = await RaceAsync(500, _ => [new StockLine(productId, 1)]);

        Assert.Equal(50, outcomes.Count(result => result.Succeeded));
        Assert.Equal(450, outcomes.Count(result => !result.Succeeded));
        Assert.All(outcomes.Where(result => !result.Succeeded), result => Assert.Equal(productId, Assert.Single(result.Shortages).ProductId));
        Assert.Equal((50, 50), await StockAsync(productId));
    }

    [Fact]
    public async Task Given_one_scarce_line_When_300_two_line_reservations_race_Then_exactly_50_succeed_and_the_failed_ones_change_nothing()
    {
        // The plentiful product sorts first, so a caller that loses the race on the scarce one has already
        // reserved the plentiful one inside its transaction: only the savepoint rollback keeps it at 50.
        var plentiful = await NewProductAsync(onHand: 1000, id: Guid.Parse("00000001-0000-4000-8000-000000000000"));
        var scarce = await NewProductAsync(onHand: 50, id: Guid.Parse("ffffffff-0000-4000-8000-000000000000"));

        var outcomes = await RaceAsync(300, _ => [new StockLine(scarce, 1), new StockLine(plentiful, 1)], commitEvenOnFailure: true);

        Assert.Equal(50, outcomes.Count(result => result.Succeeded));
        Assert.Equal((1000, 50), await StockAsync(plentiful));
        Assert.Equal((50, 50), await StockAsync(scarce));
    }

    [Fact]
    public async Task Given_carts_holding_two_products_in_opposite_orders_When_they_reserve_concurrently_Then_none_deadlocks()
    {
        var first = await NewProductAsync(onHand: 1000);
        var second = await NewProductAsync(onHand: 1000);

        var outcomes = await RaceAsync(300, index => index % 2 == 0
            ? [new StockLine(first, 1), new StockLine(second, 1)]
            : [new StockLine(second, 1), new StockLine(first, 1)]);

        Assert.All(outcomes, result => Assert.True(result.Succeeded));
        Assert.Equal((1000, 300), await StockAsync(first));
        Assert.Equal((1000, 300), await StockAsync(second));
    }

    [Fact]
    public async Task Given_a_sold_out_product_whose_row_is_locked_When_reserving_Then_it_is_refused_without_waiting_for_the_lock()
    {
        var productId = await NewProductAsync(onHand: 5);
        await fixture.ExecuteAsync("UPDATE products SET quantity_reserved = 5 WHERE id = @id", ("id", productId));
        await using var holder = new NpgsqlConnection(fixture.ConnectionString);
        await holder.OpenAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM products WHERE id = @id FOR UPDATE", holder, holding))
        {
            lockRow.Parameters.AddWithValue("id", productId);
            await lockRow.ExecuteNonQueryAsync();
        }

        await using var scope = fixture.CreateScope();
        var reservation = Inventory(scope).ReserveAsync([new StockLine(productId, 1)], CancellationToken.None);

        // Waiting on the lock would never end while the holder is open: the timeout would fail the test.
        var result = await reservation.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result.Succeeded);
        Assert.Equal(new StockShortage(productId, 1, 0), Assert.Single(result.Shortages));
        await holding.RollbackAsync();
    }

    [Fact]
    public async Task Given_a_cart_with_a_sold_out_product_and_a_hot_one_held_by_another_checkout_When_reserving_Then_it_is_refused_at_once()
    {
        // The hot product sorts first: without the up-front read, the reservation would queue on its row lock
        // behind the other checkout before reaching the sold-out line.
        var hot = await NewProductAsync(onHand: 100, id: Guid.Parse("00000002-0000-4000-8000-000000000000"));
        var soldOut = await NewProductAsync(onHand: 0, id: Guid.Parse("fffffffe-0000-4000-8000-000000000000"));
        await using var holder = new NpgsqlConnection(fixture.ConnectionString);
        await holder.OpenAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await using (var reserveHot = new NpgsqlCommand("UPDATE products SET quantity_reserved = quantity_reserved + 1 WHERE id = @id", holder, holding))
        {
            reserveHot.Parameters.AddWithValue("id", hot);
            await reserveHot.ExecuteNonQueryAsync();
        }

        await using var scope = fixture.CreateScope();
        var reservation = Inventory(scope).ReserveAsync([new StockLine(hot, 1), new StockLine(soldOut, 1)], CancellationToken.None);

        var result = await reservation.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result.Succeeded);
        Assert.Equal(new StockShortage(soldOut, 1, 0), Assert.Single(result.Shortages));
        await holding.RollbackAsync();
        Assert.Equal((100, 0), await StockAsync(hot));
    }

    [Fact]
    public async Task Given_a_reservation_When_committing_part_and_releasing_the_rest_Then_on_hand_and_reserved_follow()
    {
        var productId = await NewProductAsync(onHand: 20);
        await using var scope = fixture.CreateScope();
        var inventory = Inventory(scope);

        Assert.True((await inventory.ReserveAsync([new StockLine(productId, 3), new StockLine(productId, 2)], CancellationToken.None)).Succeeded);
        Assert.Equal((20, 5), await StockAsync(productId));
        Assert.True((await inventory.CommitAsync([new StockLine(productId, 3)], CancellationToken.None)).Succeeded);
        Assert.Equal((17, 2), await StockAsync(productId));
        Assert.True((await inventory.ReleaseAsync([new StockLine(productId, 2)], CancellationToken.None)).Succeeded);
        Assert.Equal((17, 0), await StockAsync(productId));
    }

    [Fact]
    public async Task Given_fewer_units_reserved_When_releasing_or_committing_more_Then_it_fails_and_nothing_changes()
    {
        var productId = await NewProductAsync(onHand: 20);
        var other = await NewProductAsync(onHand: 20);
        await using var scope = fixture.CreateScope();
        var inventory = Inventory(scope);
        await inventory.ReserveAsync([new StockLine(productId, 2), new StockLine(other, 4)], CancellationToken.None);

        var release = await inventory.ReleaseAsync([new StockLine(other, 4), new StockLine(productId, 3)], CancellationToken.None);
        var commit = await inventory.CommitAsync([new StockLine(other, 1), new StockLine(productId, 3)], CancellationToken.None);

        Assert.False(release.Succeeded);
        Assert.Equal(new StockShortage(productId, 3, 2), Assert.Single(release.Shortages));
        Assert.False(commit.Succeeded);
        Assert.Equal((20, 2), await StockAsync(productId));
        Assert.Equal((20, 4), await StockAsync(other));
    }

    [Fact]
    public async Task Given_the_callers_transaction_When_one_line_is_short_Then_its_other_lines_are_undone_and_the_transaction_stays_usable()
    {
        var kept = await NewProductAsync(onHand: 10);
        var plentiful = await NewProductAsync(onHand: 10);
        var scarce = await NewProductAsync(onHand: 1);
        await using var scope = fixture.CreateScope();
        var db = ApiFixture.DbContext(scope);
        var inventory = Inventory(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();

        var first = await inventory.ReserveAsync([new StockLine(kept, 4)], CancellationToken.None);
        var second = await inventory.ReserveAsync([new StockLine(plentiful, 5), new StockLine(scarce, 2)], CancellationToken.None);
        await db.Database.ExecuteSqlAsync($"SELECT 1"); // the transaction still answers
        await transaction.CommitAsync();

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Equal(new StockShortage(scarce, 2, 1), Assert.Single(second.Shortages));
        Assert.Equal((10, 4), await StockAsync(kept));
        Assert.Equal((10, 0), await StockAsync(plentiful));
        Assert.Equal((1, 0), await StockAsync(scarce));
    }

    [Fact]
    public async Task Given_the_callers_transaction_rolls_back_When_it_had_reserved_Then_the_reservation_is_gone()
    {
        var productId = await NewProductAsync(onHand: 10);
        await using (var scope = fixture.CreateScope())
        {
            var db = ApiFixture.DbContext(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True((await Inventory(scope).ReserveAsync([new StockLine(productId, 4)], CancellationToken.None)).Succeeded);
            await transaction.RollbackAsync();
        }

        Assert.Equal((10, 0), await StockAsync(productId));
    }

    [Fact]
    public async Task Given_an_untracked_product_When_reserving_beyond_on_hand_Then_it_succeeds()
    {
        var productId = await NewProductAsync(onHand: 0, track: false);
        await using var scope = fixture.CreateScope();

        var result = await Inventory(scope).ReserveAsync([new StockLine(productId, 7)], CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal((0, 7), await StockAsync(productId));
    }

    [Fact]
    public async Task Given_a_deleted_or_unknown_product_When_reserving_Then_it_is_short_with_nothing_available()
    {
        var deleted = await NewProductAsync(onHand: 10);
        await fixture.ExecuteAsync("UPDATE products SET deleted_at = now() WHERE id = @id", ("id", deleted));
        var unknown = Guid.NewGuid();
        await using var scope = fixture.CreateScope();

        var result = await Inventory(scope).ReserveAsync([new StockLine(deleted, 1), new StockLine(unknown, 1)], CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equivalent(new[] { new StockShortage(deleted, 1, 0), new StockShortage(unknown, 1, 0) }, result.Shortages);
        Assert.Equal((10, 0), await StockAsync(deleted));
    }

    [Fact]
    public async Task Given_a_zero_quantity_When_reserving_Then_it_is_a_programming_error()
    {
        await using var scope = fixture.CreateScope();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Inventory(scope).ReserveAsync([new StockLine(SeededData.BpcProductId, 0)], CancellationToken.None));
    }

    private async Task<List<InventoryResult>> RaceAsync(int callers, Func<int, StockLine[]> linesOf, bool commitEvenOnFailure = false)
    {
        var outcomes = new ConcurrentBag<InventoryResult>();
        await Parallel.ForEachAsync(Enumerable.Range(0, callers), new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (index, cancellationToken) =>
            {
                await using var scope = fixture.CreateScope();
                var db = ApiFixture.DbContext(scope);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await Inventory(scope).ReserveAsync(linesOf(index), cancellationToken);
                if (result.Succeeded || commitEvenOnFailure)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                outcomes.Add(result);
            });
        return outcomes.ToList();
    }

    private async Task<Guid> NewProductAsync(int onHand, Guid? id = null, bool track = true)
    {
        var productId = id ?? Guid.NewGuid();
        var (sku, slug) = CatalogApi.NewIdentity();
        await fixture.ExecuteAsync(
            "INSERT INTO products (id, sku, name, slug, price_cents, quantity_on_hand, track_inventory) VALUES (@id, @sku, @sku, @slug, 1000, @onHand, @track)",
            ("id", productId), ("sku", sku), ("slug", slug), ("onHand", onHand), ("track", track));
        return productId;
    }

    private async Task<(int OnHand, int Reserved)> StockAsync(Guid productId)
    {
        var onHand = await fixture.ScalarAsync<int>("SELECT quantity_on_hand FROM products WHERE id = @id", ("id", productId));
        var reserved = await fixture.ScalarAsync<int>("SELECT quantity_reserved FROM products WHERE id = @id", ("id", productId));
        return (onHand, reserved);
    }

    private static IInventoryService Inventory(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IInventoryService>();
}
