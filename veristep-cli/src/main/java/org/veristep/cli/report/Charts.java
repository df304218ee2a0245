package org.veristep.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** Renders report charts with JFreeChart into inline SVG, so a report needs no script or network. */
public final class Charts {
    private Charts() {}

    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
    };

    /**
     * A grouped bar chart.
     *
     * @param values series name → (category → value); values in the unit of {@code valueLabel}
     */
    public static String bars(String title, String valueLabel, Map<String, Map<String, Double>> values, double max) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((series, byCategory) -> byCategory.forEach((category, v) -> data.addValue(v, series, category)));
        JFreeChart chart =
                ChartFactory.createBarChart(title, null, valueLabel, data, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < values.size(); i++) r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, max);
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return svg(chart, 640, 360);
    }

    /**
     * A line chart of several series over a shared x axis.
     *
     * @param series name → points {x, y}
     * @param markerX x of a vertical marker line (e.g. the chosen threshold), or NaN for none
     * @param logX whether the x axis is logarithmic (base 2, e.g. n of best-of-N)
     * @param yMax upper end of the y axis (lower end 0), or NaN to fit the data
     */
    public static String lines(
            String title,
            String xLabel,
            String yLabel,
            Map<String, List<double[]>> series,
            double markerX,
            boolean logX,
            double yMax) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name, false);
            points.forEach(p -> s.add(p[0], p[1]));
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(
                title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        if (logX) {
            org.jfree.chart.axis.LogAxis axis = new org.jfree.chart.axis.LogAxis(xLabel);
            axis.setBase(2);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            plot.setDomainAxis(axis);
        }
        if (!Double.isNaN(yMax)) ((NumberAxis) plot.getRangeAxis()).setRange(0, yMax);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, logX);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        if (!Double.isNaN(markerX)) {
            ValueMarker marker = new ValueMarker(markerX, Color.DARK_GRAY, new BasicStroke(1f));
            marker.setLabel("threshold " + String.format(java.util.Locale.ROOT, "%.3f", markerX));
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            plot.addDomainMarker(marker);
        }
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        return svg(chart, 640, 360);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    }

    private static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new java.awt.Rectangle(0, 0, width, height));
        return g.getSVGElement();
    }
}
