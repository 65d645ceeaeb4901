package datasense;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small shop's orders, generated with a fixed seed, and the sums a correct answer must show. */
final class ShopData {

    static final String[] REGIONS = {"North", "South", "East", "West"};
    static final String[] CATEGORIES = {"Garden", "Kitchen", "Toys"};
    static final String[] PRODUCTS = {"Rake", "Hose", "Pan", "Kettle", "Kite", "Puzzle", "Shovel", "Whisk", "Yoyo", "Lamp"};

    record Row(String orderId, int year, int month, int day, String region, String category, String product,
               double sales, double profit, double discount, int quantity) {
    }

    final List<Row> rows = new ArrayList<>();

    ShopData(int count) {
        Random random = new Random(7);
        for (int i = 0; i < count; i++) {
            int p = random.nextInt(PRODUCTS.length);
            double discount = random.nextInt(5) / 10.0;
            double sales = Math.round((20 + random.nextDouble() * 480) * 100) / 100.0;
            double profit = Math.round((sales * (0.3 - discount) + random.nextGaussian() * 5) * 100) / 100.0;
            rows.add(new Row("SO-" + (10_000 + i / 2), 2021 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    REGIONS[random.nextInt(REGIONS.length)], CATEGORIES[p % CATEGORIES.length], PRODUCTS[p],
                    sales, profit, discount, 1 + random.nextInt(9)));
        }
    }

    String csv() {
        StringBuilder out = new StringBuilder("Order ID,Order Date,Region,Category,Product,Sales,Profit,Discount,Quantity\n");
        for (Row r : rows) {
            out.append(r.orderId()).append(',').append(r.month()).append('/').append(r.day()).append('/').append(r.year())
                    .append(',').append(r.region()).append(',').append(r.category()).append(',').append(r.product())
                    .append(',').append(r.sales()).append(',').append(r.profit()).append(',').append(r.discount())
                    .append(',').append(r.quantity()).append('\n');
        }
        return out.toString();
    }

    Map<String, Double> salesByRegion() {
        Map<String, Double> sums = new LinkedHashMap<>();
        rows.forEach(r -> sums.merge(r.region(), r.sales(), Double::sum));
        return sums;
    }

    Map<String, Double> profitByProduct() {
        Map<String, Double> sums = new LinkedHashMap<>();
        rows.forEach(r -> sums.merge(r.product(), r.profit(), Double::sum));
        return sums;
    }
}
