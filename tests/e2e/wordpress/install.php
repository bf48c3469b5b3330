<?php
// Installs the test's WordPress with the Twenty Twenty-One theme and
// publishes one post that embeds the URL given as the first argument the
// way the block editor does when a writer pastes it; prints the post's ID.
$db = new mysqli('127.0.0.1', 'root', '', '', (int) getenv('FOLIO_WP_DB_PORT'));
$db->query('CREATE DATABASE IF NOT EXISTS wordpress');
$_SERVER['HTTP_HOST'] = parse_url(getenv('FOLIO_WP_HOME'), PHP_URL_HOST) . ':' . parse_url(getenv('FOLIO_WP_HOME'), PHP_URL_PORT);
define('WP_INSTALLING', true);
require getenv('FOLIO_WP_ROOT') . '/wp-load.php';
function wp_new_blog_notification() {}
require ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Partner blog', 'admin', 'admin@example.com', false, '', wp_generate_password());
switch_theme('twentytwentyone');

$url = $argv[1];
$embed = "<!-- wp:embed {\"url\":\"$url\",\"type\":\"rich\"} -->\n"
    . "<figure class=\"wp-block-embed is-type-rich\"><div class=\"wp-block-embed__wrapper\">\n$url\n</div></figure>\n"
    . "<!-- /wp:embed -->";
$paragraph = fn ($text) => "<!-- wp:paragraph -->\n<p>$text</p>\n<!-- /wp:paragraph -->";
echo wp_insert_post([
    'post_title' => 'A story from our partner',
    'post_content' => $paragraph('Before the story.') . "\n\n$embed\n\n" . $paragraph('After the story.'),
    'post_status' => 'publish',
], true), "\n";
