using SocialStore.Domain.Data.Seed.Art;

namespace SocialStore.Domain.Data.Seed.Banks;

internal static partial class TopicBank
{
    private static readonly TopicTheme Food = new()
    {
        Slug = "food",
        Zh = "美食",
        En = "food",
        Emojis = ["🍜", "🍰", "🥟", "🍲", "🥗", "🍳", "🍓"],
        Palettes =
        [
            new("#fff1e6", "#ffd7ba", "#f08a5d", "#5a3521"),
            new("#fefae0", "#f6e7b4", "#e9c46a", "#4f3f17"),
            new("#ffe8e8", "#ffcfcf", "#e76f51", "#5a2a22"),
        ],
        TagsZh = ["家常菜", "一人食", "减脂餐", "探店", "烘焙", "快手早餐"],
        TagsEn = ["homecooking", "easyrecipes", "foodie"],
        CityTagZh = "{city}美食",
        ItemsZh = ["番茄炒蛋", "牛肉面", "芝士蛋糕", "三明治", "酸辣粉", "煎饺", "饭团", "红烧肉"],
        ItemsEn = ["noodles", "cheesecake", "dumplings", "toast", "curry"],
        TitlesZh =
        [
            "{n}分钟搞定{item}", "一人食｜{item}", "{city}本地人私藏小店", "零失败{item}做法", "减脂期也能吃的{item}",
            "打工人带饭一周不重样", "{season}第一口{item}", "人均{price}吃到撑", "巨简单的快手早餐", "空气炸锅{item}",
        ],
        TitlesEn = ["{n}-minute {item}", "Dinner for one", "Best {item} in {city}", "Easy weekday lunches"],
        OpeningsZh =
        [
            "下班回家不想点外卖，{n}分钟就能吃上热乎的。", "这家店排了四十分钟，说说值不值。", "周末在家做了{item}，一次成功！",
            "减脂期也要好好吃饭，分享我最近的食谱。", "来{city}三天，吃了{n}家店，挑最喜欢的说。",
        ],
        PointsZh =
        [
            "鸡蛋先炒到半熟盛出，最后回锅口感更嫩", "生抽加一点点糖提鲜，比味精自然", "面条煮到八分熟过冷水，更筋道",
            "烤箱提前预热十分钟，蛋糕不容易塌", "腌肉时加一勺淀粉，炒出来很滑嫩", "招牌菜一定要点，分量很足",
            "工作日去人少，周末建议错峰", "酱汁可以一次多调点，放冰箱能用一周", "蔬菜最后下锅，保持脆脆的口感",
            "甜度可以按自己口味减少三分之一",
        ],
        ClosingsZh = ["做了记得回来交作业！", "还有想看的菜谱评论区点单～", "人均{price}，性价比很高"],
        OpeningsEn = ["Too tired to cook? This takes {n} minutes.", "We queued forty minutes for this, so here's the verdict."],
        PointsEn =
        [
            "Take the eggs off half-set and fold them in at the end", "A pinch of sugar balances the soy sauce",
            "Preheat the oven properly or the cake sinks", "Go on a weekday to skip the queue", "Make extra sauce; it keeps a week",
        ],
        ClosingsEn = ["Tag me if you make it!", "What should I cook next?"],
        CommentsZh = ["看饿了😭", "今晚就做！", "店名是什么呀", "步骤好清楚", "深夜放毒不可取"],
        CommentsEn = ["I'm so hungry now", "Making this tonight!"],
        BoardsZh = ["想做的菜", "探店清单"],
        BoardsEn = ["Recipes to try"],
    };

    private static readonly TopicTheme Coffee = new()
    {
        Slug = "coffee",
        Zh = "咖啡",
        En = "coffee",
        Emojis = ["☕", "🥐", "🫘", "🧋", "🍪"],
        Palettes =
        [
            new("#f5ebe0", "#e6ccb2", "#9c6644", "#3b2618"),
            new("#ede0d4", "#ddb892", "#7f5539", "#33201a"),
            new("#fdf6ec", "#f3e1c7", "#b08968", "#43302b"),
        ],
        TagsZh = ["咖啡日常", "手冲咖啡", "咖啡店", "居家咖啡"],
        TagsEn = ["coffeetime", "pourover", "cafehopping"],
        CityTagZh = "{city}咖啡",
        ItemsZh = ["手冲", "拿铁", "冷萃", "磨豆机", "挂耳", "美式"],
        ItemsEn = ["latte", "pour-over", "cold brew", "grinder"],
        TitlesZh =
        [
            "在家做{item}的{n}个技巧", "{city}宝藏咖啡店", "{price}元入门手冲", "挂耳咖啡横评", "{season}限定咖啡",
            "夏天就要喝冷萃", "咖啡新手避坑指南", "一杯{item}的早晨", "打工人续命咖啡",
        ],
        TitlesEn = ["Home {item} basics", "Cafés in {city}", "Cold brew season", "Slow coffee morning"],
        OpeningsZh =
        [
            "每天早上的一杯咖啡，是属于自己的十分钟。", "入坑手冲半年，说说新手最容易踩的坑。", "周末去了{city}这家小店，氛围感拉满。",
        ],
        PointsZh =
        [
            "粉水比1:15是最稳妥的起点", "水温控制在90到93度之间", "豆子买回来养豆三到五天再喝", "磨豆机比手冲壶更值得投资",
            "冷萃放冰箱泡12小时，口感很顺滑", "靠窗的位置光线最好，适合拍照", "店里的肉桂卷一定要试",
        ],
        ClosingsZh = ["你们最喜欢什么豆子？", "下期写拉花练习记录～"],
        OpeningsEn = ["Ten quiet minutes with a cup, every morning.", "Six months into pour-over, here's what I'd tell a beginner."],
        PointsEn = ["Start at a 1:15 coffee to water ratio", "A good grinder matters more than the kettle", "Rest new beans a few days"],
        ClosingsEn = ["What beans are you drinking?", "Latte art diary coming next."],
        CommentsZh = ["店名求告知", "看着好治愈", "新手学到了", "豆子是哪家的"],
        CommentsEn = ["Which beans?", "Cosy vibes"],
        BoardsZh = ["咖啡地图"],
        BoardsEn = ["Coffee spots"],
    };
}
